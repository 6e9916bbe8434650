// `npm run test:console`: the console in a real Chromium (Debian's chromium) against the whole
// embedded platform, started once here as `npm start` starts it (its own port and DATA_DIR). Each
// task module does the tasks of CONSOLE.md as the person does them, asserting what the screen
// shows; every main screen gets an axe scan (no serious or critical violation) and a screenshot in
// docs/screenshots/. The modules run in this order, on the one platform: a module makes its own
// data through the API (its own people and units) and asserts nothing another module could move.
import './workbench.tasks';
import './hardship.tasks';
import './grants.tasks';
import './medical-aid.tasks';
import './approvals.tasks';
import './people-reports.tasks';
import './audit.tasks';
