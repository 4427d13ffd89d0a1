import { api } from '../../api';
import { Page } from '../../ui/page';
import { Crumbs } from './crumbs';
import { ItemList } from './items';

/** One's own notes, tips, questions and answers, on every app. */
export function MineView() {
  return (
    <Page title="Mine" intro="Your own notes, tips, questions and answers, on every app, newest first.">
      <Crumbs>
        <span aria-current="page">Mine</span>
      </Crumbs>
      <ItemList
        deps={[]}
        showSite
        read={(cursor) => api('GET /browse/mine', { query: { cursor } })}
        empty={{ title: 'Nothing of yours yet', message: 'Notes, tips and questions you write in the panel, and your answers, show up here.' }}
      />
    </Page>
  );
}
