/** Who is calling: a named API key or a JWT subject, with roles. Reads need none; writes need CURATOR. */
export enum Role {
  CURATOR = "CURATOR",
}

export interface Principal {
  /** The API key's name or the token's subject: what the audit trail records. */
  name: string;
  roles: Role[];
  method: "api-key" | "jwt";
}
