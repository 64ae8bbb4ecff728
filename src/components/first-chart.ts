// performance.mark('app:first-chart') once per page load, when the first chart has finished
// drawing (ECharts `finished`), so load speed can be measured from outside (e2e, benchmark).
let marked = false;

export const FIRST_CHART_MARK = 'app:first-chart';

export function markFirstChart(): void {
  if (marked) return;
  marked = true;
  performance.mark(FIRST_CHART_MARK);
}
