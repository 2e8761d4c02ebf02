/** An app the user lets act for them. */
export class GrantDto {
  /** The app's public client id. */
  clientId: string;
  clientName: string;
  projectId: number;
  projectName: string;
  /** Space-separated: `read`, `write`. */
  scope: string;
  grantedAt: Date;
}
