import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import './app/theme.css';

// The token arrived in the URL once; the host has set a cookie. Drop it from the
// address bar so it is not copied into screenshots or bookmarks; keep where it pointed (#/review/3?frame=120).
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
