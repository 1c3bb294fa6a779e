import { Box } from '@mui/material';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Wraps a react-admin DataTable that has bulk actions. Its row checkboxes carry their name
 * ("Select this row") on the checkbox's wrapper <span>, where assistive technology ignores it (and
 * axe reports an unlabelled input): the name is moved to the <input>, for every row as it renders.
 */
export function SelectableRows({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const fix = () => {
      for (const span of root.querySelectorAll<HTMLElement>('.select-item[aria-label]')) {
        const input = span.querySelector('input[type="checkbox"]');
        if (input && !input.hasAttribute('aria-label')) input.setAttribute('aria-label', span.getAttribute('aria-label') ?? '');
        span.removeAttribute('aria-label');
      }
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
    return () => observer.disconnect();
  }, []);
  return <Box ref={ref}>{children}</Box>;
}
