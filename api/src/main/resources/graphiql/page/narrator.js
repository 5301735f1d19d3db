// GraphiQL for Budget Narrator. A file rather than an inline script, so the page's Content-Security-Policy can
// forbid inline scripts; the GraphQL path comes from the page (data-graphql-path).
const container = document.getElementById('graphiql');
const fetcher = GraphiQL.createFetcher({ url: container.dataset.graphqlPath });
const defaultQuery = `# Budget Narrator — try:
{
  department(code: "XN-WB") {
    name
    year(year: 2024) {
      account(code: "2013501") { name initialBudget actual basic project completionOfInitialBudget }
      threePublic { name budget actual previousActual }
    }
  }
}
`;
ReactDOM.createRoot(container).render(React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, defaultQuery }));
