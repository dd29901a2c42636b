// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice ERC-7540 operators: a controller lets another address request and claim on its behalf.
/// ERC-165 id 0xe3bc4e65.
interface IERC7540Operator {
    event OperatorSet(address indexed controller, address indexed operator, bool approved);

    function setOperator(address operator, bool approved) external returns (bool);
    function isOperator(address controller, address operator) external view returns (bool);
}

/// @notice ERC-7540 asynchronous redemption. ERC-165 id 0x620ee8e4.
interface IERC7540Redeem {
    event RedeemRequest(
        address indexed controller, address indexed owner, uint256 indexed requestId, address sender, uint256 shares
    );

    function requestRedeem(uint256 shares, address controller, address owner) external returns (uint256 requestId);
    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256 shares);
    function claimableRedeemRequest(uint256 requestId, address controller) external view returns (uint256 shares);
}

/// @notice ERC-7887 cancellation of an ERC-7540 redemption request.
interface IERC7887Redeem {
    event CancelRedeemRequest(address indexed controller, uint256 indexed requestId, address sender);
    event CancelRedeemClaim(
        address indexed controller, address indexed receiver, uint256 indexed requestId, address sender, uint256 shares
    );

    function cancelRedeemRequest(uint256 requestId, address controller) external;
    function pendingCancelRedeemRequest(uint256 requestId, address controller) external view returns (bool);
    function claimableCancelRedeemRequest(uint256 requestId, address controller) external view returns (uint256);
    function claimCancelRedeemRequest(uint256 requestId, address receiver, address controller)
        external
        returns (uint256 shares);
}

/// @notice ERC-7575: the share token of the vault (here the vault itself). ERC-165 id 0x2f0a18c5.
interface IERC7575Share {
    function share() external view returns (address);
}
