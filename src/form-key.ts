/**
 * A number for a written form, the same for equal forms: FNV-1a over its UTF-16 units, kept to
 * 30 bits so it stays a small integer in V8. The segment stage puts it on every token (`Token.key`,
 * worked out once per distinct form), so a stage can rule a token out of a look-up table with a
 * filter over these numbers instead of reading the token's string, which a long pipeline has
 * pushed out of the CPU cache.
 */
export function formKey(form: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < form.length; i++) hash = Math.imul(hash ^ form.charCodeAt(i), 16777619);
  return hash & 0x3fffffff;
}
