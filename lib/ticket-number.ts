/** A ticket's number: INC- (incident) or REQ- (service request) and at least six digits. */
export const TICKET_NUMBER_PATTERN = /^(INC|REQ)-\d{6,}$/;
