// email-reply-parser 2.1.0 ships no types: the part Tierdesk uses (lib/inbound/reply-text.ts).
declare module "email-reply-parser" {
  interface ParsedEmail {
    getVisibleText(options?: { aggressive?: boolean }): string;
  }
  export default class EmailReplyParser {
    read(text: string): ParsedEmail;
    parseReply(text: string): string;
  }
}
