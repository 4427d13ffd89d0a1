// The states a list of colleagues' content shows while it loads and when it is empty: the panel's and the console's.

export function Skeleton() {
  return (
    <div class="skeleton" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <div key={i} class="card">
          <div class="skeleton-line short" />
          <div class="skeleton-line" />
          <div class="skeleton-line" />
        </div>
      ))}
    </div>
  );
}

export function Empty({ title, message }: { title: string; message: string }) {
  return (
    <div class="empty">
      <p class="empty-title">{title}</p>
      <p class="muted">{message}</p>
    </div>
  );
}
