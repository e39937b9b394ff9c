export default defineUnlistedScript(() => 1);
