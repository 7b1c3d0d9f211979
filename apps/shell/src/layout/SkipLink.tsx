import type { MouseEvent } from "react";

/**
 * The first thing a keyboard reaches: jumps past the header to the page's main content. Hidden until it
 * has focus (styles in index.html, since inline styles cannot say :focus). Focus is moved by hand, because
 * a bare "#main-content" would also change the URL's hash, which pages use for their own anchors.
 */
export function SkipLink({ target, label }: { target: string; label: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(target)?.focus();
  };
  return (
    <a href={`#${target}`} className="kc-skip-link" onClick={skip}>
      {label}
    </a>
  );
}
