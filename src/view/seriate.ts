/**
 * The clustered order of the matrix: agglomerative clustering (average linkage) of the regions
 * by how alike their partnerships are, read off as the dendrogram's leaf order, so that Länder
 * that work together sit together. ml-hclust does the clustering; it is loaded only when this
 * order is chosen.
 */
import { matrixDistances, syncOrder, type Matrix, type MatrixOrder } from './matrix.ts';

interface Node {
  index: number;
  isLeaf: boolean;
  children: Node[];
}

function leaves(node: Node, out: number[]): number[] {
  if (node.isLeaf) out.push(node.index);
  else for (const child of node.children) leaves(child, out);
  return out;
}

export async function clusteredOrder(m: Matrix): Promise<number[]> {
  const { agnes } = await import('ml-hclust');
  const tree = agnes(matrixDistances(m), { method: 'average', isDistanceMatrix: true }) as Node;
  return leaves(tree, []);
}

/** Any order of rows and columns, the clustered one included. */
export async function matrixOrder(m: Matrix, order: MatrixOrder): Promise<number[]> {
  return syncOrder(m, order) ?? clusteredOrder(m);
}
