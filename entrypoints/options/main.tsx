import { render } from 'preact';
import { Options } from '../../components/Options';
import { applyUiLocale } from '../../components/uiLocale';
import '../../components/theme.css';

void applyUiLocale()
  .catch((error) => console.error('Indiscrets locale', error))
  .then(() => render(<Options />, document.getElementById('app')!));
