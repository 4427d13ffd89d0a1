// Experts: Who is responsible for which screens, and where nobody is.
import { Page } from '../ui/page';

export default function ExpertsPage() {
  return <Page title="Experts" intro="Who is responsible for which screens, and where nobody is.">{null}</Page>;
}
