// email-reply-parser 2.1.0 ships no types: the part Tierdesk uses (lib/inbound/reply-text.ts).
declare module "email-reply-parser" {
  interface Fragment {
    /** Quoted history, a signature, or blank lines after them: what getVisibleText leaves out. */
    isHidden(): boolean;
  }
  interface ParsedEmail {
    getVisibleText(options?: { aggressive?: boolean }): string;
    /** The fragments the filter keeps, joined by newlines. */
    filterText(filter: (fragment: Fragment) => boolean): string;
  }
  export default class EmailReplyParser {
    read(text: string): ParsedEmail;
    parseReply(text: string): string;
  }
}
