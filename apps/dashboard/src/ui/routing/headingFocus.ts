let pending = false;

/** Asks the next page heading that mounts to take the focus (the router calls it when the path changes). */
export function requestHeadingFocus(): void {
  pending = true;
}

/** True once after `requestHeadingFocus`: the heading that gets it focuses itself. */
export function takeHeadingFocus(): boolean {
  const take = pending;
  pending = false;
  return take;
}
