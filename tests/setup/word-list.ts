// Every test process ingests as the ETL does: a garbled notice's repair may read the installed word list
// (src/export/word-list.ts; read only when a garbled notice is met, so other test files pay nothing).
import { useInstalledWordList } from '../../src/export/word-list.ts';

useInstalledWordList();
