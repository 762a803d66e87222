import { LibraryView } from '../library/LibraryView.js';
import { AppInfoBar } from './AppInfoBar.js';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Micromoment</h1>
        <AppInfoBar />
      </header>
      <main>
        <LibraryView />
      </main>
    </div>
  );
}
