// The dashboard's one way to the data: a POST to the public /graphql endpoint, in the chosen language.
// Every page asks for what it shows in one request; errors come back as thrown ApiErrors with the
// API's own message, which the page shows instead of a blank screen.

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export async function graphql(query, variables, language) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/graphql-response+json, application/json',
        'Accept-Language': language,
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new ApiError(language === 'en' ? 'The service cannot be reached.' : '无法连接服务。', 'NETWORK');
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(`HTTP ${response.status}`, 'HTTP');
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions && first.extensions.code);
  }
  return body.data;
}
