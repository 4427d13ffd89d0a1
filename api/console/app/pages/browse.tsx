// Browse: Every app, its screens and what colleagues wrote there.
import { Page } from '../ui/page';

export default function BrowsePage() {
  return <Page title="Browse" intro="Every app, its screens and what colleagues wrote there.">{null}</Page>;
}
