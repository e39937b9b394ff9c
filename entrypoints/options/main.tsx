import { render } from 'preact';
import { Options } from '../../components/Options';
import { applyUiLocale } from '../../components/uiLocale';
import { t } from '../../locales';
import '../../components/theme.css';

void applyUiLocale()
  .catch((error) => console.error('Indiscrets locale', error))
  .then(() => {
    // The tab says what it is in the page's language (the HTML's title is the French).
    document.title = t('options.pageTitle');
    render(<Options />, document.getElementById('app')!);
  });
