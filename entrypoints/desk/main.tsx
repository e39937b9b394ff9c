import { DeskFirstScreen } from '../../components/DeskFirstScreen';
import { start } from '../../components/start';
import { afterPaint } from '../../lib/after-paint';

// The desk paints its first screen from the snapshots the last desk left (DeskFirstScreen), then
// fetches its own code and first data at once rather than one after the other: the database
// layer (loaded and prepared once, whoever asks first, see start.tsx), the desk view (drawn once
// that layer is ready, see lazy.tsx), then the open issue's items, read while the desk reads the
// issue itself.
const fetchDesk = () => {
  void import('../../components/Desk')
    .then((desk) => desk.readDeskAhead())
    .catch((error: unknown) => console.error('Indiscrets desk', error));
};
void start('desk', document.getElementById('app')!, DeskFirstScreen).then(() =>
  afterPaint(fetchDesk),
);
