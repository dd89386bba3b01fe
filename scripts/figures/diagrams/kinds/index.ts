/** Every diagram kind; each file registers itself when imported. */
import './governance.js';
import './logic-model.js';
import './theory-of-change.js';
