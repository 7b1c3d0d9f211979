export type AuditFilterValues = {
  actionPrefix?: string;
  result?: "ok" | "denied" | "failed";
  /** Calendar days as the date inputs give them (YYYY-MM-DD), read as Beijing days. */
  from?: string;
  to?: string;
};

export type AuditFilterInput = {
  actionPrefix?: string;
  result?: "ok" | "denied" | "failed";
  from?: string;
  to?: string;
};

/**
 * The filter form → the audit.list input: blanks dropped, and a day range widened to whole Beijing days
 * ("to 11-22" includes everything logged on the 22nd).
 */
export function auditFilterInput(values: AuditFilterValues): AuditFilterInput {
  const input: AuditFilterInput = {};
  const prefix = values.actionPrefix?.trim();
  if (prefix) input.actionPrefix = prefix;
  if (values.result) input.result = values.result;
  if (values.from) input.from = `${values.from}T00:00:00+08:00`;
  if (values.to) input.to = `${values.to}T23:59:59.999+08:00`;
  return input;
}
