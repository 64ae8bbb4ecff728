import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <p>营商环境 Compare — dashboard coming.</p>
  </StrictMode>,
);
