import { start } from '../../components/start';

void start('desk', document.getElementById('app')!);
