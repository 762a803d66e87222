import { useEffect, useRef, useState } from 'react';
import { actionForMenuCommand, type WindowAction } from '../../src-shared/app/windowActions.js';
import { speedLabel } from '../../src-shared/review/speeds.js';
import { api } from '../api/client.js';
import { requestExport } from '../report/exportRequests.js';
import { BATCH_HASH, type Route } from './route.js';
import { importRequest, scanRequest, shortcutsRequest, speedRequest } from './windowRequests.js';

/**
 * Carries out the desktop shell's commands (`menu.command`; the loopback host
 * never sends them). Returns what the App shows itself: the shortcut sheet
 * when no review is open, and a notice when a command has nothing to act on.
 */
export function useMenuCommands(route: Route) {
  const reviewing = useRef<number | null>(null);
  reviewing.current = route.view === 'review' ? route.id : null;
  const [sheet, setSheet] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(
    () =>
      api.on('menu.command', (command) => {
        const action: WindowAction = actionForMenuCommand(command, reviewing.current);
        switch (action.kind) {
          case 'import-recordings':
            importRequest.put(action.paths);
            location.hash = '#/';
            return;
          case 'scan-folder':
            scanRequest.put([action.folder]);
            location.hash = BATCH_HASH;
            return;
          case 'export-report':
            return requestExport(action.recordingId);
          case 'set-speed':
            if (!speedRequest.send(action.speed))
              setNotice(`Speed ${speedLabel(action.speed)} applies in the review window: open a recording first.`);
            return;
          case 'show-shortcuts':
            if (!shortcutsRequest.send()) setSheet(true);
            return;
        }
      }),
    [],
  );

  useEffect(() => {
    if (notice) {
      const t = setTimeout(() => setNotice(null), 5000);
      return () => clearTimeout(t);
    }
  }, [notice]);
  return { sheet, closeSheet: () => setSheet(false), notice };
}
