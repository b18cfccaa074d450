/** What the file pickers offer: the types the upload accepts (the bytes are checked again on the server). */
export const ATTACHMENT_ACCEPT = "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.log,.txt,.csv,.json";
