/** The accessibility wiring of a form control with an optional hint and error. */
export function describedBy(id: string, opts: { hint?: boolean; error?: boolean }): string | undefined {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function controlProps(id: string, opts: { hint?: boolean; error?: string | undefined }) {
  return {
    id,
    'aria-invalid': opts.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, { hint: opts.hint ?? false, error: Boolean(opts.error) }),
  };
}
