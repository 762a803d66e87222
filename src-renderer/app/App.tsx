import { lazy, Suspense } from 'react';
import { LibraryView } from '../library/LibraryView.js';
import { AppInfoBar } from './AppInfoBar.js';
import { BATCH_HASH, useRoute } from './route.js';
import { BatchView } from '../batch/BatchView.js';
import { ExportReportDialog } from '../report/ExportReportDialog.js';
import { closeExport, useExportRequest } from '../report/exportRequests.js';
import { ShortcutSheet } from '../review/keys/ShortcutSheet.js';
import { useMenuCommands } from './useMenuCommands.js';

// The review window carries the demuxers and decoder glue: loaded when first opened.
const ReviewView = lazy(() => import('../review/ReviewView.js').then((m) => ({ default: m.ReviewView })));

export function App() {
  const route = useRoute();
  const exportRequest = useExportRequest();
  const menu = useMenuCommands(route);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <a href="#/">Micromoment</a>
        </h1>
        <nav className="app-nav">
          <a href="#/" aria-current={route.view === 'library' ? 'page' : undefined}>
            Library
          </a>
          <a href={BATCH_HASH} aria-current={route.view === 'batch' ? 'page' : undefined}>
            Batch scan
          </a>
        </nav>
        <AppInfoBar />
      </header>
      {menu.notice && (
        <p className="error" role="alert" data-testid="menu-notice">
          {menu.notice}
        </p>
      )}
      <main>
        {route.view === 'review' ? (
          <Suspense fallback={<p>Loading…</p>}>
            <ReviewView key={route.id} id={route.id} initialFrame={route.frame ?? 0} initialItem={route.item} />
          </Suspense>
        ) : route.view === 'batch' ? (
          <BatchView />
        ) : (
          <LibraryView />
        )}
      </main>
      {menu.sheet && <ShortcutSheet onClose={menu.closeSheet} />}
      {exportRequest && (
        <ExportReportDialog key={exportRequest.recordingId ?? 'choose'} recordingId={exportRequest.recordingId} onClose={closeExport} />
      )}
    </div>
  );
}
