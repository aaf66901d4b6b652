// One file per request to the Media screen's upload route (same checks: upload_files, bytes read
// with file-type, size limit, same origin), with XMLHttpRequest because fetch reports no upload
// progress.
import type { MediaView } from "@/lib/media/view";

export type UploadResult = { ok: true; item: MediaView } | { ok: false; message: string };

export function uploadFile(file: File, opts: { postId?: number | null; maxBytes: number; maxLabel: string; onProgress: (percent: number) => void }): Promise<UploadResult> {
  // Said at once, without sending megabytes the server will refuse anyway.
  if (file.size > opts.maxBytes) return Promise.resolve({ ok: false, message: `“${file.name}” is larger than the ${opts.maxLabel} limit.` });
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/admin/media/upload/");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: Partial<MediaView> & { error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: `the server answered HTTP ${xhr.status}` };
      }
      if (xhr.status === 201 && body.id) resolve({ ok: true, item: body as MediaView });
      else resolve({ ok: false, message: `“${file.name}” has failed to upload. ${body.error ?? `The server answered HTTP ${xhr.status}.`}` });
    };
    xhr.onerror = () => resolve({ ok: false, message: `“${file.name}” has failed to upload: the connection was lost.` });
    const fd = new FormData();
    fd.append("file", file);
    if (opts.postId) fd.append("postId", String(opts.postId));
    xhr.send(fd);
  });
}
