// Home: What colleagues know, and what needs your attention.
import { Page } from '../ui/page';

export default function HomePage() {
  return <Page title="Home" intro="What colleagues know, and what needs your attention.">{null}</Page>;
}
