import { render } from 'preact';
import { useState } from 'preact/hooks';
import { ClipPanel } from '../../components/ClipPanel';
import { DraftList } from '../../components/DraftList';
import '../../components/theme.css';

/** `popup.html?tabId=N` clips tab N: for automation and tests, which cannot open the popup. */
const param = new URLSearchParams(location.search).get('tabId');
const tabId = param && /^\d+$/.test(param) ? Number(param) : undefined;

function Popup() {
  const [freshId, setFreshId] = useState<string>();
  return (
    <main class="popup">
      <ClipPanel tabId={tabId} onClipped={(outcome) => setFreshId(outcome.clip.id)} />
      <DraftList freshId={freshId} />
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
