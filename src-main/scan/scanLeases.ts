import { ownerState, THIS_PROCESS } from '../app/processOwner.js';
import type { Db } from '../store/openStore.js';
import { deleteScanLease, getScanLease, putScanLease } from '../store/scanLeasesRepo.js';

/**
 * Leases between scans of one case run by different processes (two terminals,
 * the app's batch and the command line): the process that works on a file's
 * bytes holds their lease, so another scan of the same case does not analyse
 * them a second time. Within one scan, jobs with the same bytes already take
 * turns (scanWriter.ts); the lease is the same rule across processes.
 *
 * A lease dies with its process: one whose pid no longer runs on this computer
 * (kill -9, a crash, power loss) is taken over. One held by another computer's
 * process cannot be checked from here, so it counts as held (`checkable` false).
 */
export type LeaseAnswer = { taken: true } | { taken: false; holder: string; checkable: boolean };

export function takeScanLease(db: Db, sha256: string): LeaseAnswer {
  // IMMEDIATE: two processes cannot both read "free" and both take it.
  return db
    .transaction((): LeaseAnswer => {
      const lease = getScanLease(db, sha256);
      const state = lease ? ownerState(lease.owner) : 'gone';
      if (lease && (state === 'alive' || state === 'unknowable'))
        return { taken: false, holder: lease.owner, checkable: state === 'alive' };
      putScanLease(db, sha256, THIS_PROCESS);
      return { taken: true };
    })
    .immediate();
}

export function releaseScanLease(db: Db, sha256: string): void {
  deleteScanLease(db, sha256, THIS_PROCESS);
}
