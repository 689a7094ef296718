/**
 * @module The green notice the secretariat's pages open with after a form did what it said ("Punktet er
 * gemt."), as Det Fælles Designsystem draws a success alert; a status region, so it is read out.
 */
export function SuccessNotice(props: { readonly text: string | null | undefined }) {
  if (!props.text) return null;
  return (
    <div class="alert alert-success" role="status">
      <div class="alert-body">
        <p class="alert-text">{props.text}</p>
      </div>
    </div>
  );
}
