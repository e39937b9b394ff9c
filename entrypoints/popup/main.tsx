import { start } from '../../components/start';

// `popup.html?tabId=N` clips tab N: for automation and tests, which cannot open the popup.
void start('popup', document.getElementById('app')!);
