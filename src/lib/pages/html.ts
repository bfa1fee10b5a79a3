/** HTML escaping exactly as Astro escapes expressions, for HTML built outside Astro's templates. */

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text content, escaped as Astro escapes `{expressions}` in text (`&<>'"`). */
export function escapeText(value: string): string {
  return value.replace(/[&<>'"]/g, (c) => TEXT_ENTITIES[c]!);
}

/** An attribute value, escaped as Astro escapes `attr={value}` (`&` and `"` only). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** A JSON-LD block's content: JSON with `<` escaped so no `</script>` can close it early. */
export function jsonLdText(item: unknown): string {
  return JSON.stringify(item).replace(/</g, '\\u003c');
}
