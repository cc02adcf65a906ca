/** The local selection: defined in the model, where the session's selection store is. */
export { EMPTY_SELECTION, type Selection } from '../../model/selection';
