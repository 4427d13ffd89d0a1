// The tip layer's script: injected by the background, with scripting.executeScript,
// into pages that have tips or where pin mode starts; never listed in the manifest. It only publishes
// the layer's factory in the extension's isolated world, where the content script picks it up.
import '../../host-page/own-globals';
import { publishTipLayer } from '../../tips/layer-slot';
import { createTipLayer } from './layer';

export default defineUnlistedScript(() => publishTipLayer(createTipLayer));
