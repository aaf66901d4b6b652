/** Where seed-discussion.ts notes the day (UTC, the e2e site's time zone) its posts are dated. */
export const DISCUSSION_DATE_FILE = "data/e2e/discussion-date.txt";
