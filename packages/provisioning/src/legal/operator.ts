/**
 * Who runs the service, as the Impressum and the built-in documents name them. Optional parts are
 * left out of every text when they are not configured.
 */
export interface OperatorDetails {
  name: string;
  /** Postal address, lines separated by `\n`. */
  address: string;
  email: string;
  phone?: string;
  /** Who represents the operator (Geschäftsführer, Vorstand, Inhaber). */
  representative?: string;
  /** The register entry, e.g. "Amtsgericht Berlin-Charlottenburg, HRB 123456". */
  register?: string;
  /** Umsatzsteuer-Identifikationsnummer. */
  vatId?: string;
  /** The data-protection authority competent for the operator, named in the privacy notice. */
  supervisoryAuthority?: string;
}
