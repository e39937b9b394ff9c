import { start } from '../../components/start';

// The desk's own code is fetched while the database layer loads, rather than after it: the
// desk view is only drawn once the data is ready (lazy.tsx), and both take a while to arrive.
void import('../../components/Desk').catch(() => undefined);
void start('desk', document.getElementById('app')!);
