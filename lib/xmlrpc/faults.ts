// WordPress's XML-RPC fault codes and messages (wp-includes/class-wp-xmlrpc-server.php), so that
// a client written for WordPress shows the same words and reacts to the same numbers.
import { XmlRpcFault } from "@/lib/linkbacks/xmlrpc";

export const fault = (code: number, message: string) => new XmlRpcFault(code, message);

export const F = {
  disabled: () => fault(405, "XML-RPC services are disabled on this site."),
  badLogin: () => fault(403, "Incorrect username or password."),
  locked: () => fault(403, "Too many failed sign-in attempts. Try again in 15 minutes."),
  insufficientArgs: () => fault(400, "Insufficient arguments passed to this XML-RPC method."),
  invalidParams: (why: string) => fault(-32602, `Invalid method parameters: ${why}`),
  invalidPostId: () => fault(404, "Invalid post ID."),
  invalidAttachmentId: () => fault(404, "Invalid attachment ID."),
  invalidPostType: () => fault(403, "Invalid post type."),
  invalidTaxonomy: () => fault(403, "Invalid taxonomy."),
  invalidTermId: () => fault(403, "Invalid term ID."),
  invalidAuthor: () => fault(404, "Invalid author ID."),
  cannotEditThis: () => fault(401, "Sorry, you are not allowed to edit this post."),
  cannotEditType: () => fault(401, "Sorry, you are not allowed to edit posts in this post type."),
  cannotPost: () => fault(401, "Sorry, you are not allowed to publish posts on this site."),
  cannotPublishThis: (type: "post" | "page") => fault(401, `Sorry, you are not allowed to publish this ${type}.`),
  cannotAuthorAs: () => fault(401, "Sorry, you are not allowed to create posts as this user."),
  cannotSticky: () => fault(401, "Sorry, you are not allowed to make posts sticky."),
  cannotDelete: () => fault(401, "Sorry, you are not allowed to delete this post."),
  cannotTerms: () => fault(401, "Sorry, you are not allowed to assign terms in this taxonomy."),
  cannotUpload: () => fault(401, "Sorry, you are not allowed to upload files."),
  cannotProfile: () => fault(401, "Sorry, you are not allowed to edit your profile."),
  slug: (message: string) => fault(500, message),
  upload: (message: string) => fault(500, message),
};
