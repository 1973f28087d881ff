/** How a runner's token compares with a trust. */
export enum TrustMatch {
  /** The trust accepts the token: issuer, subject and audience are equal (or the subject fits the pattern). */
  MATCHES = 'matches',
  /** The trust never accepts the token: a literal claim differs. */
  DOES_NOT_MATCH = 'does not match',
  /** The library cannot tell: a claim is known only to Terraform or to the platform (a reference, a service connection named by ID). */
  NOT_VERIFIABLE = 'not verifiable',
}
