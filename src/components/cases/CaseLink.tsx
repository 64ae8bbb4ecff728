// A link to a case page: a real href (open in a new tab, copy the link) that navigates in-app on click.
import type { ReactNode } from 'react';
import type { AppState } from '../../state/filters.ts';
import { stateToSearch, type UpdateState } from '../../state/url-state.ts';

export interface CaseLinkProps {
  caseId: string;
  state: AppState;
  update: UpdateState;
  children: ReactNode;
  className?: string;
}

export function CaseLink({ caseId, state, update, children, className }: CaseLinkProps) {
  const href = stateToSearch({ ...state, view: 'case', caseId }) || '?';
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
export function CaseCell({ caseId, title, note, state, update }: Pick<CaseLinkProps, 'caseId' | 'state' | 'update'> & { title: string; note: string }) {
  return (
    <>
      <CaseLink caseId={caseId} state={state} update={update}>
        {title}
      </CaseLink>
      <div className="v-muted">{note}</div>
    </>
  );
}
