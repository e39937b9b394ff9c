import { start } from '../../components/start';

void start('options', document.getElementById('app')!);
