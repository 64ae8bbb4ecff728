// A link to a case page: a real href (open in a new tab, copy the link) that navigates in-app on click.
// It reads the URL state itself, so the tables and lists that show case links need no app state.
import { useMemo, type ReactNode } from 'react';
import { stateToSearch, useAppState } from '../../state/url-state.ts';

export interface CaseLinkProps {
  caseId: string;
  children: ReactNode;
  className?: string;
}

export function CaseLink({ caseId, children, className }: CaseLinkProps) {
  const [state, update] = useAppState();
  // Computed again only when the state or the case changes: a list re-renders its links for each answer of its view.
  const href = useMemo(() => stateToSearch({ ...state, view: 'case', caseId }) || '?', [state, caseId]);
  return (
    <a
      href={href}
      className={className ?? 'v-case-link'}
      data-case-id={caseId}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        update({ view: 'case', caseId });
        window.scrollTo(0, 0);
      }}
    >
      {children}
    </a>
  );
}

/** A table cell's content for a case: its title as a link, and a muted line under it (place, indicator…). */
export function CaseCell({ caseId, title, note }: Pick<CaseLinkProps, 'caseId'> & { title: string; note: string }) {
  return (
    <>
      <CaseLink caseId={caseId}>
        {title}
      </CaseLink>
      <div className="v-muted">{note}</div>
    </>
  );
}
