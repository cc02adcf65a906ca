/** Whether the dot-voting panel is open (this tab only): the header's Votes button and the editor's docked panel agree. */
import { uiStore } from '../hooks/uiStore';

export const votesUi = uiStore<boolean>(false);
