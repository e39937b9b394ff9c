import { loadData } from '../../components/data';
import { start } from '../../components/start';

// The desk's first data and its own code are fetched while the page starts, rather than one
// after the other: the database layer (loaded and prepared once, whoever asks first), the desk
// view (drawn once that layer is ready, see lazy.tsx), then the open issue's items, read while
// the desk reads the issue itself.
void loadData().catch(() => undefined);
void import('../../components/Desk')
  .then((desk) => desk.readDeskAhead())
  .catch((error: unknown) => console.error('Indiscrets desk', error));
void start('desk', document.getElementById('app')!);
